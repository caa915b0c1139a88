package org.pinpoint.opensearch3;

import java.util.Collection;
import java.util.List;
import org.opensearch.Version;
import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginInfo;

/**
 * A node whose plugins come from the classpath instead of a distribution's modules/ and plugins/ folders.
 * OpenSearch 3 keeps the constructor protected and describes each classpath plugin by a PluginInfo rather than
 * its class (the node loads the class by name); built the way 3.x's test MockNode builds them.
 */
final class ClasspathPluginNode extends Node {
  ClasspathPluginNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
    // forbidPrivateIndexSettings=true: behave like a production node, reject index.* private settings.
    super(environment, plugins.stream().map(ClasspathPluginNode::info).toList(), true);
  }

  private static PluginInfo info(Class<? extends Plugin> plugin) {
    return new PluginInfo(
        plugin.getName(),
        "classpath plugin",
        "NA",
        Version.CURRENT,
        "21",
        plugin.getName(),
        null, // no custom folder
        List.of(), // extends no other plugin
        false); // no native controller
  }
}
