using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Settings;

namespace CrmKit.Plugins.WebDav;

/// <summary>
/// The WebDAV file-store plugin (<c>files.webdav</c>): registers the file store <c>webdav</c>, configured by the
/// plugin's settings. Choose it for new attachments with <c>CrmKit:Files:Store = webdav</c>; move existing files with
/// <c>crmkit files migrate --to webdav</c> (docs/integrations/files.md).
/// </summary>
public sealed class WebDavFilesModule : ICrmModule
{
    /// <summary>The plugin id.</summary>
    public const string PluginId = "files.webdav";

    /// <inheritdoc />
    public string Id => PluginId;

    /// <inheritdoc />
    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSettings(WebDavSettings.Schema());
        builder.AddFileStore<ConfiguredWebDavFileStore>(WebDavFileStore.StoreName);
    }
}
