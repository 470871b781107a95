package eu.taskforce.guidance.rest;

import eu.taskforce.contracts.reference.CodeOfPractice;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A commitment ({@code SAFETY_AND_SECURITY-3}) or measure ({@code SAFETY_AND_SECURITY-3.2}) of the Code, checked
 * against the reference data of the contracts jar. A violation is a 400 naming the field ({@code codeReferences[1]})
 * and the reference.
 */
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CodeReference.Validator.class)
public @interface CodeReference {

    String message() default "is not a commitment or measure of the Code of Practice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CodeReference, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || CodeOfPractice.current().isKnownReference(value.strip())) {
                return true;
            }
            // name the reference when it is one that could be (never echo arbitrary input into a message template)
            if (value.matches("[A-Za-z_]{1,30}-[0-9.]{1,8}")) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(value
                        + " is not a commitment or measure of the Code of Practice").addConstraintViolation();
            }
            return false;
        }
    }
}
