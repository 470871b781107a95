package eu.taskforce.platform.reference;

import eu.taskforce.contracts.reference.CodeOfPractice;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The edition a {@link CodeReferencing} body names is an edition of the Code loaded here, and each of its references is
 * a commitment ({@code SAFETY_AND_SECURITY-3}) or measure ({@code SAFETY_AND_SECURITY-3.2}) of that edition. A
 * violation is a 400 naming the field ({@code codeEdition}, {@code codeReferences[1]}, inside a list
 * {@code items[0].codeReferences[1]}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownCodeReferences.Validator.class)
public @interface KnownCodeReferences {

    String message() default "is not a commitment or measure of the Code of Practice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownCodeReferences, CodeReferencing> {

        @Override
        public boolean isValid(CodeReferencing body, ConstraintValidatorContext context) {
            if (body == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            Optional<CodeOfPractice> edition = body.codeEdition() == null ? Optional.of(CodeOfPractice.current())
                    : CodeOfPractice.edition(body.codeEdition().strip());
            if (edition.isEmpty()) {
                // the editions are listed, never the input (a message template must not echo arbitrary input)
                context.buildConstraintViolationWithTemplate("is not an edition of the Code of Practice; the editions"
                                + " are " + CodeOfPractice.editions().stream().map(CodeOfPractice::version)
                                .collect(Collectors.joining(", ")))
                        .addPropertyNode("codeEdition").addConstraintViolation();
                return false;
            }
            List<String> references = body.codeReferences() == null ? List.of() : body.codeReferences();
            boolean valid = true;
            for (int i = 0; i < references.size(); i++) {
                String reference = references.get(i);
                if (reference == null || edition.get().isKnownReference(reference.strip())) {
                    continue;
                }
                valid = false;
                // name the reference when it is one that could be (never echo arbitrary input into a message template)
                String named = reference.matches("[A-Za-z_]{1,30}-[0-9.]{1,8}") ? reference + " " : "";
                context.buildConstraintViolationWithTemplate(named + "is not a commitment or measure of the Code of"
                                + " Practice (" + edition.get().version() + "); use ids such as SAFETY_AND_SECURITY-3"
                                + " or SAFETY_AND_SECURITY-3.2")
                        .addPropertyNode("codeReferences")
                        .addContainerElementNode("<list element>", List.class, 0).inIterable().atIndex(i)
                        .addConstraintViolation();
            }
            return valid;
        }
    }
}
