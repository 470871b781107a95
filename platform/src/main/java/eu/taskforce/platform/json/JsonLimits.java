package eu.taskforce.platform.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds what the JSON parser of every service reads, whatever the target type: nesting depth, the length of one
 * string and of the whole document (platform's microprofile-config.properties has the values); and refuses an array
 * over its property's {@code @Size(max)} while it is read ({@link SizeBoundedDeserializers}).
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    private final int maxNestingDepth;
    private final int maxStringLength;
    private final long maxDocumentLength;

    public JsonLimits(@ConfigProperty(name = "taskforce.json.max-nesting-depth") int maxNestingDepth,
                      @ConfigProperty(name = "taskforce.json.max-string-length") int maxStringLength,
                      @ConfigProperty(name = "taskforce.json.max-document-length") MemorySize maxDocumentLength) {
        this.maxNestingDepth = maxNestingDepth;
        this.maxStringLength = maxStringLength;
        this.maxDocumentLength = maxDocumentLength.asLongValue();
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .maxDocumentLength(maxDocumentLength)
                .build());
        mapper.registerModule(SizeBoundedDeserializers.module());
    }
}
