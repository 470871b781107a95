package eu.taskforce.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import jakarta.validation.constraints.Size;

import java.io.IOException;

/**
 * Refuses a JSON array (or object, for a map) while it is read, as soon as it holds more entries than the
 * {@code @Size(max)} of its property. Bean Validation checks every element of a list even when the list is already over
 * its size, and reports each: 190,000 short strings in a list of at most 60 gave 190,000 violations and ran a service
 * out of heap. Refused here, the list is never built and its elements are never validated.
 */
public final class SizeBoundedDeserializers {

    private SizeBoundedDeserializers() {
    }

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("taskforce-size-bounded-containers");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                    BeanDescription description,
                                                                    JsonDeserializer<?> deserializer) {
                return new Bounded(deserializer, Integer.MAX_VALUE);
            }

            @Override
            public JsonDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType type,
                                                               BeanDescription description,
                                                               JsonDeserializer<?> deserializer) {
                return new Bounded(deserializer, Integer.MAX_VALUE);
            }

            @Override
            public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                                                             BeanDescription description,
                                                             JsonDeserializer<?> deserializer) {
                return new Bounded(deserializer, Integer.MAX_VALUE);
            }
        });
        return module;
    }

    /** The container's own deserializer, reading through a parser that counts the container's entries. */
    static final class Bounded extends DelegatingDeserializer {

        private final int max;

        Bounded(JsonDeserializer<?> delegate, int max) {
            super(delegate);
            this.max = max;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Bounded(delegate, max);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> delegate = context.handleSecondaryContextualization(_delegatee, property,
                    context.constructType(_delegatee.handledType()));
            Size size = property == null ? null : property.getAnnotation(Size.class);
            int bound = size == null ? Integer.MAX_VALUE : size.max();
            return delegate == _delegatee && bound == max ? this : new Bounded(delegate, bound);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken start = parser.currentToken();
            if (max == Integer.MAX_VALUE || (start != JsonToken.START_ARRAY && start != JsonToken.START_OBJECT)) {
                return _delegatee.deserialize(parser, context);
            }
            return _delegatee.deserialize(new Counting(parser, parser.getParsingContext(), max), context);
        }
    }

    /**
     * Stops reading when the container's parsing context (whose index the parser advances on each entry, however
     * deep the entries are) reaches more than {@code max} entries. Every {@code next...} method of a parser goes
     * through {@link #nextToken()} or {@link #nextValue()}.
     */
    static final class Counting extends JsonParserDelegate {

        private final JsonStreamContext container;
        private final int max;

        Counting(JsonParser parser, JsonStreamContext container, int max) {
            super(parser);
            this.container = container;
            this.max = max;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return checked(delegate.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return checked(delegate.nextValue());
        }

        private JsonToken checked(JsonToken token) throws IOException {
            if (container.getEntryCount() > max) {
                throw new OversizedContainerException(delegate, max);
            }
            return token;
        }
    }
}
