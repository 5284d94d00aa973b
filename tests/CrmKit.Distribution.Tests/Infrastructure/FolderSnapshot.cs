using System.Security.Cryptography;

namespace CrmKit.Distribution.Tests.Infrastructure;

/// <summary>Every file under the plugins folder (dot-folders included) and the lock file, by path and SHA-256.</summary>
internal static class FolderSnapshot
{
    public static Dictionary<string, string> Take(string pluginsFolder, string lockFile)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(pluginsFolder))
        {
            foreach (var directory in Directory.EnumerateDirectories(pluginsFolder, "*", SearchOption.AllDirectories))
            {
                files["dir:" + Path.GetRelativePath(pluginsFolder, directory)] = string.Empty;
            }

            foreach (var file in Directory.EnumerateFiles(pluginsFolder, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(pluginsFolder, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
            }
        }

        files["lock"] = File.Exists(lockFile) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(lockFile))) : "absent";
        return files;
    }
}
