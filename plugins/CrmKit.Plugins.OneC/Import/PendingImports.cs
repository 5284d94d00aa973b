using System.Collections.Concurrent;

namespace CrmKit.Plugins.OneC.Import;

/// <summary>
/// Hands a parsed package to <see cref="ApplyImportMessage"/>: the message's input carries only a token, the package
/// (already read and checked) waits here for the few milliseconds until the handler takes it.
/// </summary>
internal sealed class PendingImports
{
    private readonly ConcurrentDictionary<string, ImportPackage> _packages = new(StringComparer.Ordinal);

    public string Add(ImportPackage package)
    {
        var token = Guid.NewGuid().ToString("N");
        _packages[token] = package;
        return token;
    }

    public ImportPackage? Take(string token) => _packages.TryRemove(token, out var package) ? package : null;

    public void Drop(string token) => _packages.TryRemove(token, out _);
}
