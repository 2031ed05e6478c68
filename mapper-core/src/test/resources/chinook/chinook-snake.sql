-- The artist and album tables of Chinook 1.4.5 (https://github.com/lerocha/chinook-database,
-- ChinookDatabase/DataSources/Chinook_PostgreSql.sql): its snake_case naming, the first 5 artists and their albums.
-- Licence: LICENSE.md next to this file.
CREATE TABLE artist (artist_id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(120));
CREATE TABLE album (album_id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(160) NOT NULL, artist_id INTEGER NOT NULL REFERENCES artist (artist_id));
INSERT INTO artist (artist_id, name) VALUES (1, 'AC/DC'), (2, 'Accept'), (3, 'Aerosmith'), (4, 'Alanis Morissette'), (5, 'Alice In Chains');
INSERT INTO album (album_id, title, artist_id) VALUES (1, 'For Those About To Rock We Salute You', 1), (2, 'Balls to the Wall', 2), (3, 'Restless and Wild', 2), (4, 'Let There Be Rock', 1), (5, 'Big Ones', 3), (6, 'Jagged Little Pill', 4), (7, 'Facelift', 5);
