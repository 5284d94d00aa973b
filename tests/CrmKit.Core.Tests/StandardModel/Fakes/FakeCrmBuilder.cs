using CrmKit.Core.Fields;
using CrmKit.Sdk.Extensibility;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.StandardModel.Fakes;

/// <summary>A hand-written <see cref="ICrmBuilder"/> that records what a module registers.</summary>
internal sealed class FakeCrmBuilder(string moduleId) : ICrmBuilder
{
    public string ModuleId { get; } = moduleId;

    public IServiceCollection Services { get; } = new ServiceCollection();

    public FakeEntityRegistry EntityRegistry { get; } = new();

    public IEntityRegistry Entities => EntityRegistry;

    public IFieldTypeRegistry FieldTypes { get; } = new FieldTypeRegistry(BuiltInFieldTypeCatalog.All);
}
