using System.CommandLine;

namespace CrmKit.Cli.Commands.Egrul;

/// <summary><c>crmkit egrul</c>: the state registries of companies and entrepreneurs (EGRUL/EGRIP).</summary>
internal sealed class EgrulCommand : Command
{
    public EgrulCommand(CliRuntime runtime)
        : base("egrul", "Look companies and individual entrepreneurs up in EGRUL/EGRIP (needs a registry-lookup plugin such as ru.egrul)")
    {
        Add(new EgrulLookupCommand(runtime));
    }
}
