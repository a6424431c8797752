import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languageOfText } from './language.ts';

test('Latin-script languages by their function words', () => {
  assert.equal(languageOfText('what is the capital of france and how big is it?'), 'en');
  assert.equal(languageOfText('¿cuál es la capital de francia y por qué es tan famosa para los turistas?'), 'es');
  assert.equal(languageOfText('quelle est la capitale de la france et pourquoi est-elle si célèbre pour les touristes?'), 'fr');
  assert.equal(languageOfText('was ist die hauptstadt von frankreich und warum ist sie so berühmt?'), 'de');
  assert.equal(languageOfText('qual é a capital da frança e por que ela é tão famosa para os turistas? você sabe?'), 'pt');
  assert.equal(languageOfText('qual è la capitale della francia e perché è così famosa per il turismo?'), 'it');
  assert.equal(languageOfText('wat is de hoofdstad van frankrijk en waarom is het zo beroemd?'), 'nl');
});

test('other scripts by script', () => {
  assert.equal(languageOfText('какая столица франции и почему она знаменита?'), 'ru');
  assert.equal(languageOfText('яка столиця франції і чому вона відома?'), 'uk');
  assert.equal(languageOfText('フランスの首都はどこですか?なぜ有名ですか?'), 'ja');
  assert.equal(languageOfText('法国的首都是哪里?为什么这么有名?'), 'zh');
  assert.equal(languageOfText('프랑스의 수도는 어디입니까? 왜 유명합니까?'), 'ko');
  assert.equal(languageOfText('ما هي عاصمة فرنسا ولماذا هي مشهورة؟'), 'ar');
});

test('too little text, or no function words, is undetermined', () => {
  assert.equal(languageOfText(''), 'und');
  assert.equal(languageOfText('12 + 7 = ?'), 'und');
  assert.equal(languageOfText('xyzzy plugh frobnicate'), 'und');
});
