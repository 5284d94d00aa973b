using System.Diagnostics.CodeAnalysis;
using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Plugins.Tests.Loading;

/// <summary>A hand-written builder that records what a module registers, for loader tests (the runtime has its own tests).</summary>
internal sealed class TestCrmBuilder(string moduleId) : ICrmBuilder, IEntityRegistry, IFieldTypeRegistry
{
    private readonly List<IFieldType> _fieldTypes = [];

    public string ModuleId { get; } = moduleId;

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IEntityRegistry Entities => this;

    public IFieldTypeRegistry FieldTypes => this;

    public List<string> Registered { get; } = [];

    public IReadOnlyCollection<IFieldType> All => _fieldTypes;

    public void Define(string name, Action<EntityBuilder> configure)
    {
        var entity = new EntityBuilder(name);
        configure(entity);
        entity.Build();
        Registered.Add("entity:" + name);
    }

    public void Extend(string entity, Action<EntityExtensionBuilder> configure)
    {
        var extension = new EntityExtensionBuilder(entity);
        configure(extension);
        Registered.AddRange(extension.Build().Select(f => $"field:{entity}.{f.Name}"));
    }

    public void Add(IFieldType fieldType)
    {
        _fieldTypes.Add(fieldType);
        Registered.Add("field-type:" + fieldType.Descriptor.Name);
    }

    public bool TryGet(string name, [NotNullWhen(true)] out IFieldType? fieldType)
    {
        fieldType = _fieldTypes.FirstOrDefault(t => t.Descriptor.Name == name);
        return fieldType is not null;
    }
}
