-- The payload is the second part of the stored JWS, base64url-decoded: keeping it in a column of its own as well
-- doubled what every accepted declaration writes (row, WAL, page writes at each commit of the log's batches).
-- The one reader, the statistics indexer, decodes it from the JWS. The signed bytes, and so the payload hash and
-- the chain, are unchanged.
ALTER TABLE declaration DROP COLUMN payload;
