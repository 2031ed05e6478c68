-- The Artist and Album tables of Chinook 1.4.5 (https://github.com/lerocha/chinook-database,
-- ChinookDatabase/DataSources/Chinook_Sqlite.sql): its PascalCase naming, the first 5 artists and their albums.
-- Licence: LICENSE.md next to this file. Identifiers are unquoted: SQLite and MariaDB keep their case.
CREATE TABLE Artist (ArtistId INTEGER NOT NULL PRIMARY KEY, Name VARCHAR(120));
CREATE TABLE Album (AlbumId INTEGER NOT NULL PRIMARY KEY, Title VARCHAR(160) NOT NULL, ArtistId INTEGER NOT NULL REFERENCES Artist (ArtistId));
INSERT INTO Artist (ArtistId, Name) VALUES (1, 'AC/DC'), (2, 'Accept'), (3, 'Aerosmith'), (4, 'Alanis Morissette'), (5, 'Alice In Chains');
INSERT INTO Album (AlbumId, Title, ArtistId) VALUES (1, 'For Those About To Rock We Salute You', 1), (2, 'Balls to the Wall', 2), (3, 'Restless and Wild', 2), (4, 'Let There Be Rock', 1), (5, 'Big Ones', 3), (6, 'Jagged Little Pill', 4), (7, 'Facelift', 5);
