using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Extensibility;
using McMaster.NETCore.Plugins;

namespace CrmKit.Plugins.Loading;

/// <summary>A plugin's entry assembly loaded into its own collectible load context.</summary>
internal sealed class LoadedPluginAssembly : IDisposable
{
    private PluginLoader? _loader;
    private Assembly? _entryAssembly;

    internal LoadedPluginAssembly(PluginManifest manifest, string folder, PluginLoader loader, Assembly entryAssembly)
    {
        Manifest = manifest;
        Folder = folder;
        _loader = loader;
        _entryAssembly = entryAssembly;
    }

    /// <summary>The plugin's manifest.</summary>
    public PluginManifest Manifest { get; }

    /// <summary>The plugin folder.</summary>
    public string Folder { get; }

    /// <summary>The entry assembly; throws once unloaded.</summary>
    public Assembly EntryAssembly => _entryAssembly ?? throw new ObjectDisposedException(nameof(LoadedPluginAssembly));

    /// <summary>The plugin's load context; throws once unloaded.</summary>
    public AssemblyLoadContext LoadContext => (_loader ?? throw new ObjectDisposedException(nameof(LoadedPluginAssembly))).LoadContext;

    /// <summary>Whether <see cref="Unload"/> or <see cref="Dispose"/> ran.</summary>
    public bool IsUnloaded => _loader is null;

    /// <summary>
    /// Creates the plugin's module: the one public, non-abstract <see cref="ICrmModule"/> with a public parameterless
    /// constructor in the entry assembly, whose <see cref="ICrmModule.Id"/> must equal the manifest id.
    /// </summary>
    /// <returns>The module, not yet configured.</returns>
    /// <exception cref="PluginLoadException">
    /// <c>plugin.entry_point_missing</c>, <c>plugin.entry_point_ambiguous</c>, <c>plugin.id_mismatch</c> or
    /// <c>plugin.load_failed</c> (the assembly's types or the constructor failed).
    /// </exception>
    public ICrmModule CreateModule()
    {
        var assembly = EntryAssembly;
        Type[] candidates;
        try
        {
            candidates = [.. assembly.GetExportedTypes().Where(IsModuleType).OrderBy(t => t.FullName, StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException or BadImageFormatException)
        {
            throw Fail(PluginErrorCodes.LoadFailed, PluginMessages.TypesUnavailable(Manifest.Id, assembly.GetName().Name, ex.Message), ex);
        }

        if (candidates.Length == 0)
        {
            throw Fail(PluginErrorCodes.EntryPointMissing, PluginMessages.EntryPointMissing(Manifest.Id, assembly.GetName().Name));
        }

        if (candidates.Length > 1)
        {
            throw Fail(PluginErrorCodes.EntryPointAmbiguous, PluginMessages.EntryPointAmbiguous(Manifest.Id, assembly.GetName().Name, candidates.Select(t => t.FullName!)));
        }

        ICrmModule module;
        try
        {
            module = (ICrmModule)Activator.CreateInstance(candidates[0])!;
        }
        catch (TargetInvocationException ex)
        {
            var cause = ex.InnerException ?? ex;
            throw Fail(PluginErrorCodes.LoadFailed, PluginMessages.ModuleConstructorFailed(Manifest.Id, candidates[0].FullName, cause.Message), cause);
        }

        if (!string.Equals(module.Id, Manifest.Id, StringComparison.Ordinal))
        {
            throw Fail(PluginErrorCodes.IdMismatch, PluginMessages.IdMismatch(Manifest.Id, candidates[0].FullName, module.Id));
        }

        return module;
    }

    /// <summary>
    /// Disposes the McMaster loader, which starts unloading the load context, and returns a weak reference to that
    /// context: it is collected once nothing (modules, services, delegates, threads) refers into the plugin anymore.
    /// </summary>
    /// <returns>A weak reference to the unloading load context.</returns>
    /// <exception cref="ObjectDisposedException">Already unloaded.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public WeakReference Unload()
    {
        var loader = _loader ?? throw new ObjectDisposedException(nameof(LoadedPluginAssembly));
        var reference = new WeakReference(loader.LoadContext);
        _loader = null;
        _entryAssembly = null;
        loader.Dispose();
        return reference;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_loader is not null)
        {
            Unload();
        }
    }

    private static bool IsModuleType(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsVisible: true, ContainsGenericParameters: false }
        && typeof(ICrmModule).IsAssignableFrom(type)
        && type.GetConstructor(Type.EmptyTypes) is { IsPublic: true };

    private PluginLoadException Fail(string code, string message, Exception? inner = null) =>
        new(code, message, Manifest.Id, Folder, inner);
}
