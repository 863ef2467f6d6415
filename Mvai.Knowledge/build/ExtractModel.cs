// Writes resources of a .NET assembly to files without loading the assembly.
// Usage: dotnet run ExtractModel.cs -- <assembly> <resource>=<file> [<resource>=<file> ...]
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

using var stream = File.OpenRead(args[0]);
using var pe = new PEReader(stream);
var metadata = pe.GetMetadataReader();
var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
foreach (var pair in args.Skip(1))
{
    var (name, destination) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
    var handle = metadata.ManifestResources.Single(h => metadata.GetString(metadata.GetManifestResource(h).Name) == name);
    var block = pe.GetSectionData(directory.RelativeVirtualAddress + (int)metadata.GetManifestResource(handle).Offset).GetReader();
    var length = block.ReadInt32();
    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
    File.WriteAllBytes(destination + ".tmp", block.ReadBytes(length));
    File.Move(destination + ".tmp", destination, overwrite: true);
}
