package org.crmkit.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads model files as strict JSON text and finds lines in a JSON document for error messages:
 * the line of a syntax error, and the line
 * of the element a JSON path such as {@code $.segments[0].rule.all[1]} names.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonLines {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLines() {
    }

    /**
     * Reads a JSON model file as text for a strict reader: the bytes must be UTF-8, not blank
     * and one complete JSON document; otherwise a {@link BadInputException} names the file,
     * the line and, for a syntax error, the JSON path.
     *
     * @param spec the running command, not null
     * @param file the file, or {@code -} for standard input, not null
     * @param producer the command that writes such files, for the message of an empty one
     * @return the document, never null
     * @throws IOException if the file cannot be read
     */
    static String readDocument(picocli.CommandLine.Model.CommandSpec spec, java.nio.file.Path file, String producer)
            throws IOException {
        byte[] bytes = InputFiles.readAllBytes(spec, file);
        String json;
        try {
            json = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw BadInputException.definition(file, 1, null, "not UTF-8 text: a model file is JSON");
        }
        if (json.isBlank()) {
            throw BadInputException.definition(file, 1, null, "empty file: expected the model JSON of " + producer);
        }
        String syntax = syntaxError(json);
        if (syntax != null) {
            throw BadInputException.definition(file, syntaxErrorLine(json), syntaxErrorPath(json),
                    "not a complete JSON document (truncated?): " + syntax);
        }
        return json;
    }

    /**
     * Returns the line of the first syntax error of a document, or 0 if it is well-formed
     * JSON.
     *
     * @param json the document, not null
     * @return the 1-based line of the first syntax error, or 0
     */
    static long syntaxErrorLine(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            while (p.nextToken() != null) {
                // scan to the end
            }
            return 0;
        } catch (JsonProcessingException e) {
            return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
        } catch (IOException e) {
            return 1;
        }
    }

    /**
     * Returns the message of the first syntax error of a document, without Jackson's source
     * excerpt, or null if it is well-formed.
     *
     * @param json the document, not null
     * @return the problem, or null
     */
    static String syntaxError(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            while (p.nextToken() != null) {
                // scan to the end
            }
            return null;
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /**
     * Returns where the first syntax error of a document stands, as a dotted path such as
     * {@code parameters.r}, or null if it is well-formed or the error is at the top level.
     *
     * @param json the document, not null
     * @return the path of the value being read when the error occurred, or null
     */
    static String syntaxErrorPath(String json) {
        JsonParser p = null;
        try {
            p = FACTORY.createParser(json);
            while (p.nextToken() != null) {
                // scan to the end
            }
            return null;
        } catch (IOException e) {
            if (p == null) {
                return null;
            }
            String pointer = p.getParsingContext().pathAsPointer().toString();
            return pointer.isEmpty() ? null : pointer.substring(1).replace('/', '.');
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // a string source: nothing to release
                }
            }
        }
    }

    /**
     * Finds the line of the element a JSON path names, or of its nearest existing ancestor.
     *
     * @param json the document, not null
     * @param path a path such as {@code $.a[0].b} (a leading {@code $} optional), not null
     * @return the 1-based line, or 0 if the document cannot be scanned
     */
    static long lineOf(String json, String path) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return lineOf(p, path);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * As {@link #lineOf(String, String)} for a document in a file, read as a stream.
     *
     * @param file the file, not null
     * @param path the JSON path, not null
     * @return the 1-based line, or 0 if the file cannot be scanned
     */
    static long lineOf(java.nio.file.Path file, String path) {
        try (JsonParser p = FACTORY.createParser(java.nio.file.Files.newBufferedReader(file,
                java.nio.charset.StandardCharsets.UTF_8))) {
            return lineOf(p, path);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long lineOf(JsonParser p, String path) {
        String pointer = path.replaceFirst("^\\$", "").replaceAll("\\[(\\d+)\\]", ".$1").replace('.', '/');
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            pointer = "/" + pointer;
        }
        long best = 0;
        int bestLength = -1;
        try {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                String here = p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    here = p.getParsingContext().getParent() == null ? ""
                            : p.getParsingContext().getParent().pathAsPointer().toString();
                }
                boolean prefix = pointer.equals(here) || pointer.startsWith(here + "/") || here.isEmpty();
                if (prefix && here.length() > bestLength) {
                    best = p.currentTokenLocation().getLineNr();
                    bestLength = here.length();
                }
            }
        } catch (IOException e) {
            return best;
        }
        return best;
    }
}
