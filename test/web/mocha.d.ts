/** mocha's prebuilt browser bundle: importing it defines the global `mocha` (typed by @types/mocha). */
declare module 'mocha/mocha.js';
