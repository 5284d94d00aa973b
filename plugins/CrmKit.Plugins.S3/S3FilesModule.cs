using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Settings;

namespace CrmKit.Plugins.S3;

/// <summary>
/// The S3 file-store plugin (<c>files.s3</c>): registers the file store <c>s3</c>, configured by the plugin's settings.
/// Choose it for new attachments with <c>CrmKit:Files:Store = s3</c>; move existing files with
/// <c>crmkit files migrate --to s3</c> (docs/integrations/files.md).
/// </summary>
public sealed class S3FilesModule : ICrmModule
{
    /// <summary>The plugin id.</summary>
    public const string PluginId = "files.s3";

    /// <inheritdoc />
    public string Id => PluginId;

    /// <inheritdoc />
    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSettings(S3Settings.Schema());
        builder.AddFileStore<ConfiguredS3FileStore>(S3FileStore.StoreName);
    }
}
