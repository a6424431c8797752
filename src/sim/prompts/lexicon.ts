/** Word lists the procedural generators combine; long enough that no small vocabulary gives a role away. */

export const FIRST_NAMES = [
  'Amara', 'Bilal', 'Chen', 'Dana', 'Elif', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Lars', 'Maya', 'Nikolai',
  'Olu', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tomas', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Aiden', 'Beatriz',
  'Carlos', 'Deepa', 'Emeka', 'Fatima', 'Gabriel', 'Hana', 'Ivan', 'Julia', 'Kofi', 'Leila', 'Mateo', 'Nadia', 'Oscar',
  'Paula', 'Rahul', 'Sofia', 'Tariq', 'Valentina', 'William', 'Yara', 'Ahmed', 'Brigid', 'Dmitri', 'Esther', 'Felix',
  'Grace', 'Hugo', 'Isla', 'Jamal', 'Keiko', 'Luca', 'Mei', 'Noah', 'Olga', 'Pedro', 'Rania', 'Stefan', 'Thandiwe',
];

export const ITEMS = [
  'apples', 'pencils', 'stickers', 'cupcakes', 'marbles', 'books', 'tomato plants', 'bracelets', 'candles', 'postcards',
  'seashells', 'muffins', 'trading cards', 'notebooks', 'balloons', 'jars of honey', 'loaves of bread', 'toy cars',
  'packs of gum', 'oranges', 'comic books', 'paper cranes', 'eggs', 'bottles of juice', 'flower pots', 'puzzles',
  'beads', 'cookies', 'tickets', 'socks', 'bags of rice', 'bird feeders', 'bookmarks', 'scarves', 'mugs', 'kites',
];

export const PLACES = [
  'the farmers market', 'the school fair', 'a bakery', 'the library sale', 'a garage sale', 'the bookstore', 'the zoo',
  'a summer camp', 'the community garden', 'the county fair', 'a craft shop', 'the train station', 'the museum shop',
  'a bike shop', 'the aquarium', 'a pet store', 'the swimming pool', 'a pizza place', 'the hardware store',
];

export const UNITS_OF_TIME = ['day', 'week', 'hour', 'month', 'weekend'];

export const TOPICS = [
  'sourdough starters', 'the French Revolution', 'learning Spanish', 'marathon training', 'houseplants that tolerate low light',
  'budgeting on a freelance income', 'the Roman aqueducts', 'sleep hygiene', 'writing a cover letter', 'electric cars',
  'composting in an apartment', 'the history of jazz', 'photosynthesis', 'negotiating a raise', 'planning a trip to Japan',
  'caring for a senior dog', 'the basics of investing', 'meal prep for a week', 'quantum computing', 'climate adaptation',
  'restoring a wooden table', 'the causes of World War I', 'public speaking anxiety', 'birdwatching for beginners',
  'home espresso', 'the immune system', 'renting versus buying', 'chess openings', 'knitting a first sweater',
  'volcanoes', 'time management for students', 'remote team rituals', 'the stock market crash of 1929', 'solar panels',
  'feeding a toddler', 'wedding toasts', 'mountain biking', 'tax deductions for small businesses', 'the moons of Jupiter',
  'baking gluten-free bread', 'interview preparation', 'the Silk Road', 'managing migraines', 'starting a podcast',
  'urban beekeeping', 'reading music', 'the Cold War', 'decluttering', 'learning to swim as an adult', 'saltwater aquariums',
];

export const CITIES = [
  'Lisbon', 'Osaka', 'Nairobi', 'Montreal', 'Krakow', 'Buenos Aires', 'Hanoi', 'Reykjavik', 'Marrakesh', 'Seoul',
  'Edinburgh', 'Oaxaca', 'Tbilisi', 'Cape Town', 'Vancouver', 'Istanbul', 'Melbourne', 'Bologna', 'Chiang Mai', 'Porto',
];

export const PRODUCTS = [
  'wireless earbuds', 'a standing desk', 'a rice cooker', 'running shoes', 'a phone case', 'a backpack', 'a coffee grinder',
  'a yoga mat', 'a smart watch', 'a blender', 'noise-cancelling headphones', 'a winter jacket', 'a desk lamp', 'a kettle',
  'a mechanical keyboard', 'a baby monitor', 'a air fryer', 'a tent', 'a portable charger', 'a vacuum cleaner',
];

export const COMPANY_WORDS = [
  'bright', 'cart', 'nova', 'pulse', 'leaf', 'harbor', 'stack', 'loop', 'atlas', 'forge', 'cedar', 'orbit', 'maple',
  'quill', 'ember', 'pixel', 'tidal', 'summit', 'vertex', 'kite', 'meadow', 'signal', 'copper', 'lumen', 'north',
];

export const ADJECTIVES = [
  'quick', 'detailed', 'friendly', 'short', 'formal', 'casual', 'clear', 'practical', 'beginner-friendly', 'concise',
  'thorough', 'persuasive', 'neutral', 'upbeat', 'professional', 'simple',
];

export const PROGRAMMING_LANGUAGES = ['Python', 'JavaScript', 'TypeScript', 'Go', 'Rust', 'Java', 'C#', 'C++', 'Ruby', 'Kotlin', 'SQL', 'Bash', 'PHP', 'Swift'];
