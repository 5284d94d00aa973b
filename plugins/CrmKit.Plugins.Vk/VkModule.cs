using CrmKit.Sdk.Extensibility;

namespace CrmKit.Plugins.Vk;

/// <summary>The VK plugin (docs/integrations/vk.md): the <c>vk</c> message channel.</summary>
public sealed class VkModule : ICrmModule
{
    /// <summary>The plugin id.</summary>
    public const string PluginId = "crmkit.vk";

    /// <inheritdoc />
    public string Id => PluginId;

    /// <inheritdoc />
    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMessageChannel<VkChannel>();
    }
}
