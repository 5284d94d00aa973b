using CrmKit.Plugins.Shared;
using CrmKit.Sdk.Settings;

namespace CrmKit.Plugins.WebDav;

/// <summary>
/// The store the plugin registers as <c>webdav</c>: a <see cref="WebDavFileStore"/> built from the plugin's current
/// settings and rebuilt when they change. Until the address is set, every call answers "unavailable".
/// </summary>
internal sealed class ConfiguredWebDavFileStore(IModuleSettings settings)
    : SettingsBoundFileStore<WebDavFileStore>(settings, WebDavFileStore.StoreName)
{
    protected override WebDavFileStore? Create(IModuleSettings settings) =>
        WebDavSettings.Read(settings) is { } options ? new WebDavFileStore(options) : null;
}
