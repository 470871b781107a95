package eu.taskforce.platform.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the typed query parameters (enumerations, dates, times, ids, booleans) so that a value that cannot be read
 * is a 400 problem naming the parameter. Without it, JAX-RS answers 404 for a query parameter it cannot convert
 * ({@code ?chapter=ROBOTICS}), and reads any boolean other than "true" as false ({@code ?member=perhaps}).
 */
@Provider
public class QueryParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = annotations == null ? null : Arrays.stream(annotations)
                .filter(QueryParam.class::isInstance).map(a -> ((QueryParam) a).value()).findFirst().orElse(null);
        if (name == null) {
            return null; // path parameters keep the JAX-RS rule: a path that names nothing is a 404
        }
        if (rawType.isEnum()) {
            return converter(name, value -> (T) Enum.valueOf((Class) rawType, value), "one of " + Arrays
                    .stream(rawType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (rawType == LocalDate.class) {
            return converter(name, value -> (T) storable(LocalDate.parse(value)), "a date such as 2026-01-30");
        }
        if (rawType == OffsetDateTime.class) {
            return converter(name, value -> (T) storable(OffsetDateTime.parse(value)),
                    "a time such as 2026-01-30T09:00:00Z");
        }
        if (rawType == UUID.class) {
            return converter(name, value -> (T) UUID.fromString(value), "a UUID");
        }
        if (rawType == Boolean.class) {
            return converter(name, value -> switch (value) {
                case "true" -> (T) Boolean.TRUE;
                case "false" -> (T) Boolean.FALSE;
                default -> throw new IllegalArgumentException(value);
            }, "true or false");
        }
        return null;
    }

    /** A date the database can compare: years 1 to 9999 (java.time reads +999999999-01-01, PostgreSQL refuses it). */
    static LocalDate storable(LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new IllegalArgumentException("year out of range: " + date.getYear());
        }
        return date;
    }

    static OffsetDateTime storable(OffsetDateTime time) {
        storable(time.toLocalDate());
        return time;
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse, String expected) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isEmpty()) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (RuntimeException e) {
                    throw new BadRequestException("The query parameter " + name + " must be " + expected);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
