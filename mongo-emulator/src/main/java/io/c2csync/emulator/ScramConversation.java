package io.c2csync.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The server side of one SCRAM exchange (RFC 5802): client-first, server-first, client-final, server-final. */
final class ScramConversation {

    private final ScramMechanism mechanism;
    private final String database;
    private final UserStore users;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private UserStore.User user;
    private boolean done;

    ScramConversation(ScramMechanism mechanism, String database, UserStore users) {
        this.mechanism = mechanism;
        this.database = database;
        this.users = users;
    }

    /** Answers the client-first message with the salt, iteration count and combined nonce. */
    String start(String clientFirst) {
        if (!clientFirst.startsWith("n,,")) {
            throw failed();
        }
        clientFirstBare = clientFirst.substring(3);
        Map<String, String> fields = fields(clientFirstBare);
        String userName = Optional.ofNullable(fields.get("n")).map(n -> n.replace("=2C", ",").replace("=3D", "=")).orElseThrow(ScramConversation::failed);
        user = users.user(database, userName).orElseThrow(ScramConversation::failed);
        ScramMechanism.Credential credential = user.credentials().get(mechanism);
        nonce = Optional.ofNullable(fields.get("r")).orElseThrow(ScramConversation::failed) + ScramMechanism.nonce();
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(credential.salt()) + ",i=" + credential.iterations();
        return serverFirst;
    }

    /** Checks the client proof and answers with the server signature; the user is then authenticated. */
    String finish(String clientFinal) {
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (clientFirstBare == null || proofAt < 0) {
            throw failed();
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        Map<String, String> fields = fields(clientFinal);
        if (!nonce.equals(fields.get("r"))) {
            throw failed();
        }
        ScramMechanism.Credential credential = user.credentials().get(mechanism);
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientSignature = mechanism.hmac(credential.storedKey(), authMessage);
        byte[] proof = Base64.getDecoder().decode(fields.get("p"));
        if (proof.length != clientSignature.length) {
            throw failed();
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (!MessageDigest.isEqual(mechanism.hash(clientKey), credential.storedKey())) {
            throw failed();
        }
        done = true;
        return "v=" + Base64.getEncoder().encodeToString(mechanism.hmac(credential.serverKey(), authMessage.getBytes(StandardCharsets.UTF_8)));
    }

    boolean done() {
        return done;
    }

    UserStore.User user() {
        return user;
    }

    private static Map<String, String> fields(String message) {
        Map<String, String> fields = new HashMap<>();
        for (String part : message.split(",")) {
            int equals = part.indexOf('=');
            if (equals == 1) {
                fields.put(part.substring(0, 1), part.substring(2));
            }
        }
        return fields;
    }

    private static de.bwaldvogel.mongo.exception.MongoServerError failed() {
        return MongoErrors.AUTHENTICATION_FAILED.error("Authentication failed.");
    }
}
