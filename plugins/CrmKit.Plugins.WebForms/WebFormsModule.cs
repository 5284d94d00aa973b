using CrmKit.Sdk.Extensibility;

namespace CrmKit.Plugins.WebForms;

/// <summary>The website forms plugin (docs/integrations/web-forms.md): the <c>web-form</c> message channel.</summary>
public sealed class WebFormsModule : ICrmModule
{
    /// <summary>The plugin id.</summary>
    public const string PluginId = "crmkit.web-forms";

    /// <inheritdoc />
    public string Id => PluginId;

    /// <inheritdoc />
    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMessageChannel<WebFormChannel>();
    }
}
