using System.Text.Json.Nodes;
using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;

namespace CrmKit.Core.Tests.StandardModel.Fakes;

/// <summary>Builds each defined entity at once and keeps its JSON Schema document.</summary>
internal sealed class FakeEntityRegistry : IEntityRegistry
{
    public Dictionary<string, JsonObject> Defined { get; } = new(StringComparer.Ordinal);

    public List<string> Extended { get; } = [];

    public void Define(string name, Action<EntityBuilder> configure)
    {
        var builder = new EntityBuilder(name);
        configure(builder);
        Defined.Add(name, builder.Build());
    }

    public void Extend(string entity, Action<EntityExtensionBuilder> configure) => Extended.Add(entity);
}
