-- Phrases that mean a patient may be in danger now. Administrators edit the list; matching ignores
-- case, accents, punctuation and common word endings, so a row is a phrase as people write it, not a
-- pattern. One list per language; every message is checked against all of them.
create sequence emergency_phrase_seq start with 1 increment by 50;

create table emergency_phrase (
    id         bigint       primary key,
    language   varchar(8)   not null,
    phrase     varchar(200) not null,
    created_at timestamptz  not null default now(),
    constraint emergency_phrase_key unique (language, phrase)
);

insert into emergency_phrase (id, language, phrase)
select nextval('emergency_phrase_seq'), 'en', phrase from unnest(array[
    -- heart
    'chest pain', 'pain in my chest', 'chest hurts', 'chest is tight', 'tight chest', 'chest tightness',
    'pressure on my chest', 'pressure in my chest', 'crushing pain', 'heart attack', 'cardiac arrest',
    'pain down my left arm', 'pain spreading to my arm', 'pain in my jaw and arm',
    -- breathing
    'can''t breathe', 'cannot breathe', 'can barely breathe', 'struggling to breathe', 'hard to breathe',
    'difficulty breathing', 'trouble breathing', 'not breathing', 'stopped breathing', 'short of breath',
    'shortness of breath', 'out of breath', 'breathless', 'gasping for air', 'choking', 'lips are blue',
    'turning blue', 'throat is closing', 'throat swelling', 'tongue swelling', 'anaphylaxis',
    'anaphylactic', 'severe allergic reaction',
    -- suicide and self-harm
    'suicide', 'suicidal', 'kill myself', 'end my life', 'end it all', 'take my own life',
    'want to die', 'wish I was dead', 'better off dead', 'don''t want to live', 'no reason to live',
    'not worth living', 'hurt myself', 'harm myself', 'self harm', 'selfharm', 'cut myself',
    'hang myself', 'jump off a bridge', 'goodbye forever',
    -- overdose and poisoning
    'overdose', 'took too many pills', 'too many tablets', 'swallowed pills', 'took all my pills',
    'took all my tablets', 'poisoned', 'poisoning', 'swallowed bleach', 'drank bleach',
    -- stroke
    'stroke', 'face drooping', 'face is drooping', 'drooping face', 'one side of my face',
    'slurred speech', 'slurring my words', 'can''t speak', 'can''t talk properly', 'can''t move my arm',
    'can''t move my leg', 'arm is weak', 'numb on one side', 'numbness on one side', 'sudden weakness',
    'worst headache', 'sudden severe headache', 'suddenly can''t see', 'lost my vision',
    -- bleeding
    'severe bleeding', 'heavy bleeding', 'bleeding heavily', 'won''t stop bleeding',
    'bleeding won''t stop', 'can''t stop the bleeding', 'losing a lot of blood', 'blood everywhere',
    'coughing up blood', 'vomiting blood', 'throwing up blood', 'blood in my vomit', 'haemorrhage',
    'hemorrhage', 'pregnant and bleeding',
    -- consciousness, seizures, injuries
    'unconscious', 'passed out', 'fainted', 'not responding', 'unresponsive', 'won''t wake up',
    'can''t wake', 'seizure', 'convulsions', 'fitting', 'collapsed', 'head injury', 'hit my head',
    'severe burn', 'badly burned', 'can''t feel my legs', 'sepsis', 'meningitis',
    'rash that doesn''t fade',
    -- asking for help outright
    'emergency', 'ambulance', 'dying', 'i am dying'
]) as phrase;
