using Safeguard.Common;

namespace Safeguard.Testing;

/// <summary>
/// The published reference material the tests read as inputs (DfE schemas, sample census and SSDA903 files), kept
/// in <c>../shared/reference</c> beside the checkout, as CI has it.
/// </summary>
public static class ReferenceFiles
{
    /// <summary>The path of a file or folder in the reference material, e.g. <c>Path("cin-census", "CIN_schema_2026.xsd")</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">The reference folder is not beside the checkout.</exception>
    public static string Path(params string[] parts)
    {
        var root = SafeguardPaths.FindCheckoutRoot(AppContext.BaseDirectory)
            ?? throw new DirectoryNotFoundException($"No checkout found above {AppContext.BaseDirectory}.");
        var folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "reference"));
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"The tests read published reference files from {folder} (../shared/reference beside the checkout), and it is not there: clone the repository beside the shared folder.");
        }

        return System.IO.Path.Combine([folder, .. parts]);
    }
}
