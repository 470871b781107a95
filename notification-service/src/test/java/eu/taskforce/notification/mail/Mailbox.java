package eu.taskforce.notification.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What GreenMail received, read the way a mail client would. */
final class Mailbox {

    /** The messages whose recipient is {@code address} and whose subject contains {@code marker}. */
    static List<MimeMessage> to(String address, String marker) {
        return Arrays.stream(MailTestResource.greenMail.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))
                        && message.getSubject().contains(marker);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The digests to {@code address} that have {@code marker} in their text. */
    static List<MimeMessage> digests(String address, String marker) {
        return to(address, "digest").stream().filter(message -> text(message).contains(marker)).toList();
    }

    /** The text of the message's text/plain part. */
    static String text(MimeMessage message) {
        return parts(message).stream().filter(part -> isType(part, "text/plain")).findFirst().map(Mailbox::content)
                .orElseThrow();
    }

    /** The message's text/calendar attachments. */
    static List<String> calendars(MimeMessage message) {
        return parts(message).stream().filter(part -> isType(part, "text/calendar")).map(Mailbox::content).toList();
    }

    static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Part> parts(Part part) {
        List<Part> leaves = new ArrayList<>();
        try {
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    leaves.addAll(parts(child));
                }
            } else {
                leaves.add(part);
            }
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
        return leaves;
    }

    private static boolean isType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String content(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Mailbox() {
    }
}
