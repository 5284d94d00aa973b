using System.Diagnostics.CodeAnalysis;
using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Sdk.Tests.Fakes;

/// <summary>A builder over a real service collection; the registries record what modules define.</summary>
internal sealed class FakeCrmBuilder : ICrmBuilder
{
    public string ModuleId { get; init; } = "test.module";

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IEntityRegistry Entities { get; } = new RecordingEntityRegistry();

    public IFieldTypeRegistry FieldTypes { get; } = new RecordingFieldTypeRegistry();

    private sealed class RecordingEntityRegistry : IEntityRegistry
    {
        public List<EntityBuilder> Defined { get; } = [];

        public void Define(string name, Action<EntityBuilder> configure)
        {
            var builder = new EntityBuilder(name);
            configure(builder);
            Defined.Add(builder);
        }

        public void Extend(string entity, Action<EntityExtensionBuilder> configure) =>
            configure(new EntityExtensionBuilder(entity));
    }

    private sealed class RecordingFieldTypeRegistry : IFieldTypeRegistry
    {
        private readonly Dictionary<string, IFieldType> _types = new(StringComparer.Ordinal);

        public IReadOnlyCollection<IFieldType> All => _types.Values;

        public void Add(IFieldType fieldType) => _types.Add(fieldType.Descriptor.Name, fieldType);

        public bool TryGet(string name, [NotNullWhen(true)] out IFieldType? fieldType) =>
            _types.TryGetValue(name, out fieldType);
    }
}
