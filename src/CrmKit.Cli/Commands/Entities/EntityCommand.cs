using System.CommandLine;

namespace CrmKit.Cli.Commands.Entities;

/// <summary><c>crmkit entity</c>: the entity metadata commands.</summary>
internal sealed class EntityCommand : Command
{
    public EntityCommand(CliRuntime runtime)
        : base("entity", "Inspect entities: their fields, JSON Schema, change history and background index builds")
    {
        Add(new EntityListCommand(runtime));
        Add(new EntityShowCommand(runtime));
        Add(new EntitySchemaCommand(runtime));
        Add(new EntityHistoryCommand(runtime));
        Add(new EntityIndexesCommand(runtime));
    }
}
