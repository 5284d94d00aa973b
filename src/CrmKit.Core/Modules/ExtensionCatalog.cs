using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Modules;

/// <summary>
/// The live extensions, swapped as a whole snapshot on every change so readers never lock. Extensions of modules
/// compiled into the host are read from the host's services on first use; plugins add and remove theirs at run time.
/// Of several registrations of one exclusive name, the last (a declared replacement) is active; removing it brings
/// the earlier one back.
/// </summary>
internal sealed class ExtensionCatalog(IServiceProvider services, ModuleRegistrations modules) : ICrmExtensions
{
    private readonly Lock _lock = new();
    private Snapshot? _snapshot;

    public long Revision => Current.Revision;

    public IReadOnlyList<RegisteredExtension> Registrations => Current.Active.Select(e => e.Registration).ToList();

    public IReadOnlyList<T> GetAll<T>()
        where T : class =>
        (IReadOnlyList<T>)Current.ByContract.GetOrAdd(typeof(T), static (_, s) =>
            s.Active.Select(e => e.Instance).OfType<T>().ToArray(), Current);

    public bool TryGet<T>(string name, [NotNullWhen(true)] out T? extension)
        where T : class
    {
        var contract = ExtensionContracts.For(typeof(T));
        extension = contract is null ? null
            : Current.Active.LastOrDefault(e => e.Registration.Kind == contract.Kind && e.Registration.Name == name)?.Instance as T;
        if (extension is null && contract == ExtensionContracts.FileStore && services is IKeyedServiceProvider keyed)
        {
            // File stores of modules compiled into the host stay keyed services of the host.
            extension = keyed.GetKeyedService(typeof(T), name) as T;
        }

        return extension is not null;
    }

    /// <summary>
    /// A value derived from the current extensions, computed once per snapshot; it goes away with the snapshot, so a
    /// cache never keeps an unloaded plugin's instances alive.
    /// </summary>
    public TValue Derive<TValue>(object key, Func<ExtensionCatalog, TValue> factory)
        where TValue : class =>
        (TValue)Current.Derived.GetOrAdd(key, static (_, state) => state.factory(state.catalog), (factory, catalog: this));

    /// <summary>The module that registered an extension instance; null when the catalog does not hold it.</summary>
    public string? OwnerOf(object instance) =>
        Current.All.FirstOrDefault(e => ReferenceEquals(e.Instance, instance))?.Registration.Owner;

    /// <summary>The active owner of a kind and name; null when nothing has it.</summary>
    public CatalogEntry? FindActive(string kind, string name) =>
        Current.Active.LastOrDefault(e => e.Registration.Kind == kind && e.Registration.Name == name);

    public void Add(IReadOnlyList<CatalogEntry> entries)
    {
        lock (_lock)
        {
            var current = Current;
            Publish(current.All.AddRange(entries), current.Revision + 1);
        }
    }

    public void RemoveOwnedBy(string owner)
    {
        lock (_lock)
        {
            var current = Current;
            Publish(current.All.RemoveAll(e => e.Registration.Owner == owner), current.Revision + 1);
        }
    }

    private Snapshot Current => Volatile.Read(ref _snapshot) ?? Seed();

    private Snapshot Seed()
    {
        lock (_lock)
        {
            if (_snapshot is not null)
            {
                return _snapshot;
            }

            var entries = ImmutableList.CreateBuilder<CatalogEntry>();
            foreach (var contract in ExtensionContracts.All)
            {
                foreach (var instance in services.GetServices(contract.Contract).OfType<object>())
                {
                    var name = contract.NameOf(instance);
                    var owner = modules.OwnerOf(instance.GetType()) ?? "host";
                    var clash = entries.FirstOrDefault(e => contract.Exclusive && e.Registration.Kind == contract.Kind && e.Registration.Name == name);
                    if (clash is not null)
                    {
                        // Modules compiled into the host cannot declare replacements: two of them claiming one name is
                        // a build mistake the host refuses to start with, rather than letting the last one win.
                        throw new InvalidOperationException(
                            $"'{owner}' registers {contract.Kind}:{name}, which '{clash.Registration.Owner}' already registered.");
                    }

                    entries.Add(new CatalogEntry(new RegisteredExtension(contract.Kind, name, owner), instance, contract.Exclusive));
                }
            }

            return Publish(entries.ToImmutable(), 1);
        }
    }

    private Snapshot Publish(ImmutableList<CatalogEntry> all, long revision)
    {
        var snapshot = new Snapshot(all, revision);
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }

    private sealed class Snapshot(ImmutableList<CatalogEntry> all, long revision)
    {
        public ImmutableList<CatalogEntry> All { get; } = all;

        public long Revision { get; } = revision;

        // Exclusive names: the last registration wins only because the catalog admits a second one solely as a declared
        // replacement; hooks are not exclusive and all stay active.
        public IReadOnlyList<CatalogEntry> Active { get; } = all
            .Where((e, i) => !e.Exclusive || !all.Skip(i + 1).Any(later => later.Exclusive &&
                later.Registration.Kind == e.Registration.Kind && later.Registration.Name == e.Registration.Name))
            .ToList();

        public ConcurrentDictionary<Type, object> ByContract { get; } = new();

        public ConcurrentDictionary<object, object> Derived { get; } = new();
    }
}

/// <summary>One extension instance in the catalog.</summary>
/// <param name="Registration">Kind, name and owner.</param>
/// <param name="Instance">The extension.</param>
/// <param name="Exclusive">Whether its name is exclusive.</param>
internal sealed record CatalogEntry(RegisteredExtension Registration, object Instance, bool Exclusive);
