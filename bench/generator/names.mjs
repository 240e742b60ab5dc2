// Small built-in name lists: enough variety for realistic screens and search, with repeats (and so
// `first.last2` usernames) as real directories have them.
export const FIRST_NAMES = [
  'Ana', 'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David',
  'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah',
  'Charles', 'Karen', 'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Sandra', 'Mark', 'Ashley',
  'Priya', 'Rahul', 'Wei', 'Mei', 'Hiroshi', 'Yuki', 'José', 'María', 'Lucía', 'Mateo', 'Sofía',
  'Ahmed', 'Fatima', 'Omar', 'Aisha', 'Olga', 'Dmitri', 'Ingrid', 'Lars', 'Chloé', 'Luc', 'Amara',
  'Kwame', 'Zanele', 'Tariq', 'Noor', 'Siobhan', 'Liam', 'Aoife', 'Mateus', 'Beatriz', 'Kofi',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez',
  'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore',
  'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker',
  'Patel', 'Sharma', 'Chen', 'Wang', 'Tanaka', 'Sato', 'Kim', 'Nguyen', 'Müller', 'Schmidt',
  'Dubois', 'Rossi', 'Silva', 'Santos', 'Kowalski', 'Novak', 'Ivanova', 'Larsen', 'Okafor', 'Mensah',
  "O'Brien", 'Murphy', 'Kelly', 'Haddad', 'Khan', 'Ali', 'Cohen', 'Fischer', 'Jansen', 'Berg',
];

export const ORG_PREFIXES = [
  'Northwind', 'Blue Harbor', 'Summit', 'Cedar Grove', 'Ironwood', 'Silver Lake', 'Redstone',
  'Evergreen', 'Granite Peak', 'Brightwater', 'Maple Ridge', 'Oak Valley', 'Pinecrest', 'Riverbend',
  'Stonebridge', 'Westfield', 'Clearview', 'Harborview', 'Lakeshore', 'Highland', 'Sunrise',
  'Bayside', 'Copperfield', 'Fairmont', 'Golden Gate', 'Heritage', 'Keystone', 'Meadowbrook',
  'Pioneer', 'Crescent', 'Trailhead', 'Windmill', 'Foxglove', 'Blackrock', 'Seaside', 'Prairie',
];

export const ORG_TRADES = [
  'Dental', 'Legal', 'Logistics', 'Engineering', 'Accounting', 'Health', 'Realty', 'Manufacturing',
  'Architects', 'Insurance', 'Veterinary', 'Construction', 'Consulting', 'Pharmacy', 'Credit Union',
  'Marketing', 'Schools', 'Clinic', 'Software', 'Hospitality', 'Foods', 'Energy', 'Freight', 'Labs',
];

export const ORG_SUFFIXES = ['', '', 'LLC', 'Inc.', 'Group', 'Partners', 'Co.', 'Ltd'];

export const CITIES = [
  'Austin', 'Denver', 'Boston', 'Leeds', 'Lyon', 'Porto', 'Dublin', 'Toronto', 'Perth', 'Osaka',
  'Accra', 'Nairobi', 'Quito', 'Krakow', 'Oslo', 'Tampa', 'Omaha', 'Reno', 'Cork', 'Graz',
];

/** Lower-case ASCII for usernames and domains: "José O'Brien" becomes "jose" and "obrien". */
export function slug(text, separator = '') {
  const words = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/);
  return words.filter(Boolean).join(separator);
}
