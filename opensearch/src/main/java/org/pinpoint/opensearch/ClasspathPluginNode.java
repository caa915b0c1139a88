package org.pinpoint.opensearch;

import java.util.Collection;
import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

/**
 * A node whose plugins come from the classpath instead of a distribution's modules/ and plugins/ folders.
 * OpenSearch 2.19 keeps the constructor that takes plugin classes protected (the test framework's MockNode
 * exposes it the same way), so a subclass is the supported way to reach it.
 */
final class ClasspathPluginNode extends Node {
  ClasspathPluginNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
    // forbidPrivateIndexSettings=true: behave like a production node, reject index.* private settings.
    super(environment, plugins, true);
  }
}
