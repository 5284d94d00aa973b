using System.CommandLine;

namespace CrmKit.Cli.Commands.Fields;

/// <summary><c>crmkit field</c>: add, change and remove the fields of an entity.</summary>
internal sealed class FieldCommand : Command
{
    public FieldCommand(CliRuntime runtime)
        : base("field", "Add, change and remove the fields of an entity")
    {
        Add(new FieldAddCommand(runtime));
        Add(new FieldUpdateCommand(runtime));
        Add(new FieldRemoveCommand(runtime));
    }
}
