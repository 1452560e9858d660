package dev.paygate.gateway.runtime;

import java.nio.file.Path;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Takes the {@link DataDirectoryLock} as soon as the environment says where the data lives, before any bean (database,
 * broker, card links) starts, and releases it when the context closes, also after a failed start.
 */
public final class DataDirectoryLockInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String BEAN_NAME = "paygateDataDirectoryLock";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path dataDirectory = Path.of(context.getEnvironment().getProperty("paygate.data-directory", "data"));
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
        var beanFactory = context.getBeanFactory();
        beanFactory.registerSingleton(BEAN_NAME, lock);
        ((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(BEAN_NAME, lock::close);
    }
}
