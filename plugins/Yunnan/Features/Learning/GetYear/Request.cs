namespace SupervisionCore.Plugins.Yunnan.Features.Learning.GetYear;

public sealed class Request
{
    public int Year { get; set; }
}
