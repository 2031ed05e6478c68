package io.mapper.spring.boot.aot;

import java.util.List;

import javax.lang.model.element.Modifier;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.generate.GeneratedMethod;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.aot.BeanRegistrationCode;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragments;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragmentsDecorator;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.javapoet.CodeBlock;

import io.mapper.spring.boot.autoconfigure.MapperManagedTypes;

/**
 * Scans the entity packages at build time when Spring AOT processes the application: the {@link MapperManagedTypes}
 * bean is created then, its entity class names are written into the generated bean definition (so the processed
 * application does not scan at start-up), and every entity gets its reflection hints ({@link MapperEntityHints}).
 * Mirrors Spring's {@code PersistenceManagedTypesBeanRegistrationAotProcessor} for JPA.
 */
final class MapperManagedTypesBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

    @Override
    public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
        if (!MapperManagedTypes.class.isAssignableFrom(registeredBean.getBeanClass())) {
            return null;
        }
        return BeanRegistrationAotContribution.withCustomCodeFragments(
                fragments -> new RecordedTypesCodeFragments(fragments, registeredBean));
    }

    private static final class RecordedTypesCodeFragments extends BeanRegistrationCodeFragmentsDecorator {

        private final RegisteredBean registeredBean;

        RecordedTypesCodeFragments(BeanRegistrationCodeFragments delegate, RegisteredBean registeredBean) {
            super(delegate);
            this.registeredBean = registeredBean;
        }

        @Override
        public CodeBlock generateInstanceSupplierCode(GenerationContext generationContext,
                BeanRegistrationCode beanRegistrationCode, boolean allowDirectSupplierShortcut) {
            MapperManagedTypes managedTypes = registeredBean.getBeanFactory().getBean(registeredBean.getBeanName(),
                    MapperManagedTypes.class);
            ClassLoader classLoader = registeredBean.getBeanFactory().getBeanClassLoader();
            ClassLoader loader = classLoader != null ? classLoader : getClass().getClassLoader();
            MapperEntityHints hints = new MapperEntityHints(generationContext.getRuntimeHints());
            managedTypes.entityClasses(loader).forEach(entity -> hints.registerEntity(entity, loader));
            GeneratedMethod method = beanRegistrationCode.getMethods().add("getInstance", builder -> {
                builder.addJavadoc("The entity classes scanned at build time for '$L'.",
                        registeredBean.getBeanName());
                builder.addModifiers(Modifier.PRIVATE, Modifier.STATIC);
                builder.returns(MapperManagedTypes.class);
                builder.addStatement("return $T.of($T.of($L))", MapperManagedTypes.class, List.class,
                        names(managedTypes.entityClassNames()));
            });
            return generatedMethod(method);
        }

        private static CodeBlock generatedMethod(GeneratedMethod method) {
            return method.toMethodReference().toCodeBlock();
        }

        private static CodeBlock names(List<String> names) {
            CodeBlock.Builder code = CodeBlock.builder();
            for (int i = 0; i < names.size(); i++) {
                code.add(i == 0 ? "$S" : ", $S", names.get(i));
            }
            return code.build();
        }
    }
}
