package io.c2csync.controlplane.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The contract's error reply: the status, JSON, and exactly {@code success:false, error, errorDescription}. */
final class ContractErrors {
    private ContractErrors() {
    }

    /** @return the description */
    static String assertError(HttpCalls.Reply reply, int status, String error) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        JsonNode json = reply.json();
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as(reply.body()).containsExactly("success", "error", "errorDescription");
        assertThat(json.get("success").isBoolean()).isTrue();
        assertThat(json.get("success").booleanValue()).isFalse();
        assertThat(json.get("error").textValue()).as(reply.body()).isEqualTo(error);
        assertThat(json.get("errorDescription").textValue()).isNotBlank();
        return json.get("errorDescription").textValue();
    }

    /** Sends {@code call} and checks the contract's answer to it: name, status, and what the description names. */
    static void assertAnswered(HttpCalls calls, BadCall call) {
        HttpCalls.Reply reply = calls.send(call.method(), call.path(), call.headers(), call.body());
        String description = assertError(reply, call.status(), call.error());
        if (call.mentions() != null) {
            assertThat(description).contains(call.mentions());
        }
        if (call.status() == 405) {
            assertThat(reply.header("Allow")).isIn("GET", "POST");
        }
    }

    static void assertSuccess(HttpCalls.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"success\":true}");
    }
}
