using CrmKit.Plugins.Shared;
using CrmKit.Sdk.Settings;

namespace CrmKit.Plugins.S3;

/// <summary>
/// The store the plugin registers as <c>s3</c>: an <see cref="S3FileStore"/> built from the plugin's current settings
/// and rebuilt when they change. Until the bucket and keys are set, every call answers "unavailable".
/// </summary>
internal sealed class ConfiguredS3FileStore(IModuleSettings settings)
    : SettingsBoundFileStore<S3FileStore>(settings, S3FileStore.StoreName)
{
    protected override S3FileStore? Create(IModuleSettings settings) =>
        S3Settings.Read(settings) is { } options ? new S3FileStore(options) : null;
}
