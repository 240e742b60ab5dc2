// AdminJS watches and bundles its components at start unless told it runs in production with the
// bundle skipped; under jest that work outlives the test and crashes the worker.
process.env.NODE_ENV = 'production';
process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
