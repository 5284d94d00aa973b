using System.Text;
using CrmKit.Cli;

// Windows consoles default to an OEM code page that cannot show Cyrillic labels and values.
Console.OutputEncoding = Encoding.UTF8;
var host = new CliHost(Console.Out, Console.Error) { Stdin = Console.In };
return await CrmCli.InvokeAsync(args, host);
