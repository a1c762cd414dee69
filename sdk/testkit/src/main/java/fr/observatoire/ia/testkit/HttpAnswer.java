package fr.observatoire.ia.testkit;

import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an endpoint of the fake observatory answers, before WireMock renders it. */
record HttpAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {
    HttpAnswer {
        headers = Map.copyOf(headers);
    }

    static HttpAnswer json(int status, Object body) {
        return new HttpAnswer(status, "application/json", ProtocolJson.write(body), Map.of());
    }

    static HttpAnswer problem(Problem problem) {
        return new HttpAnswer(problem.status(), Problem.MEDIA_TYPE, ProtocolJson.write(problem), Map.of());
    }

    static HttpAnswer text(int status, String text) {
        return new HttpAnswer(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    HttpAnswer withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpAnswer(status, contentType, body, copy);
    }
}
