package org.accord.notify;

/**
 * Where SMS messages go: the plug-in point for an operator's or a government platform's gateway.
 * A bean of this type replaces the built-in HTTP gateway ({@code accord.notify.sms.url}). Without
 * either, SMS deliveries are recorded as failed, never dropped silently.
 */
public interface SmsGateway {

    /**
     * Hands one message to the gateway. Returns when the gateway has accepted it.
     *
     * @param mobile the recipient's mobile number, as the directory holds it
     * @param text the message, already complete (signature included)
     * @throws SmsNotAccepted when the gateway refuses or cannot be reached; the delivery is retried
     */
    void send(String mobile, String text) throws SmsNotAccepted;

    /** The gateway did not accept a message. */
    class SmsNotAccepted extends RuntimeException {

        public SmsNotAccepted(String reason) {
            super(reason);
        }

        public SmsNotAccepted(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
