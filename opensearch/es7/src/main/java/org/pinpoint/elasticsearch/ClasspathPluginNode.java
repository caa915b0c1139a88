package org.pinpoint.elasticsearch;

import java.util.Collection;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;

/**
 * A node whose plugins come from the classpath instead of a distribution's modules/ and plugins/ folders.
 * Elasticsearch 7.10 keeps the constructor that takes plugin classes protected (the test framework's MockNode
 * exposes it the same way), so a subclass is the supported way to reach it.
 */
final class ClasspathPluginNode extends Node {
  ClasspathPluginNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
    // forbidPrivateIndexSettings=true: behave like a production node, reject index.* private settings.
    super(environment, plugins, true);
  }
}
