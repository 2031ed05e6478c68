package io.mapper.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** A stand-in for another project processor: generates one enum in its first round, which entities may use. */
final class EnumGeneratingProcessor extends AbstractProcessor {

    private final String qualifiedName;
    private final String[] constants;
    private boolean generated;

    EnumGeneratingProcessor(String qualifiedName, String... constants) {
        this.qualifiedName = qualifiedName;
        this.constants = constants.clone();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (generated) {
            return false;
        }
        generated = true;
        int dot = qualifiedName.lastIndexOf('.');
        try (Writer writer = processingEnv.getFiler().createSourceFile(qualifiedName).openWriter()) {
            writer.write("package " + qualifiedName.substring(0, dot) + ";\n\npublic enum "
                    + qualifiedName.substring(dot + 1) + " { " + String.join(", ", constants) + " }\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }
}
