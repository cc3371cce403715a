/// Named server nodes with their power parameters. GPU maxima are the vendors' TDPs; idle powers and
/// the non-GPU ("base": CPUs, memory, NICs, fans, PSU losses) range are engineering estimates chosen so
/// that full load stays under the vendor's system maximum.
public enum NodePreset: String, Sendable, CaseIterable {
    /// NVIDIA DGX/HGX H100: 8× H100 SXM5 at 700 W TDP (NVIDIA H100 datasheet); DGX H100 system maximum
    /// 10.2 kW (DGX H100 datasheet). Idle ≈ 75 W per GPU, base 1.2–3.5 kW (DESIGN §3.2 defaults):
    /// 1.8 kW idle, 9.1 kW at full load.
    case h100SXM = "h100-sxm"
    /// NVIDIA HGX H200: 8× H200 SXM at up to 700 W TDP (NVIDIA H200 datasheet), the same board power as
    /// H100 with more HBM: idle 80 W per GPU, base 1.2–3.5 kW → 1.8 / 9.1 kW.
    case h200SXM = "h200-sxm"
    /// NVIDIA DGX B200: 8× B200 at 1,000 W (DGX B200 datasheet: system maximum ≈ 14.3 kW). Idle ≈ 120 W
    /// per GPU, base 1.5–4.5 kW → 2.5 / 12.5 kW.
    case b200 = "b200"
    /// A dual-socket CPU server (2× 96-core x86, 768 GB): 200 W idle, 800 W at full load, typical of
    /// SPECpower_ssj2008 results for such servers (idle ≈ 25 % of maximum). Fan et al.'s `mse` curve fits
    /// CPU servers better than `linear`.
    case cpu = "cpu"

    public var node: NodePower {
        switch self {
        case .h100SXM:
            NodePower(gpus: 8, gpuIdle: Watts(75), gpuMax: Watts(700), baseIdle: Watts(1200), baseMax: Watts(3500), curve: .linear)
        case .h200SXM:
            NodePower(gpus: 8, gpuIdle: Watts(80), gpuMax: Watts(700), baseIdle: Watts(1200), baseMax: Watts(3500), curve: .linear)
        case .b200:
            NodePower(gpus: 8, gpuIdle: Watts(120), gpuMax: Watts(1000), baseIdle: Watts(1500), baseMax: Watts(4500), curve: .linear)
        case .cpu:
            NodePower(gpus: 0, gpuIdle: Watts(0), gpuMax: Watts(0), baseIdle: Watts(200), baseMax: Watts(800), curve: .mse(exponent: 1.4))
        }
    }

    /// Per-GPU board power while training and in a checkpoint or stall, W, measured on an H200 SXM at its
    /// 700 W limit (`shared/measured/h200-training-power.csv`, NVML every ~10 ms): training draws 686 W on
    /// average (98 % of the limit); checkpoints and synchronisation stalls drop it to 125–140 W within
    /// 0.15 s (warm idle, clocks up). H100 SXM shares the 700 W limit and the Hopper die, so it takes the
    /// same points. Nil for presets without a measurement. Short instantaneous excursions to ~110 % of the
    /// limit (758 W in training) last well under a second and are not modelled.
    public var measuredGPUPower: (training: Watts, checkpoint: Watts)? {
        switch self {
        case .h100SXM, .h200SXM: (training: Watts(0.98 * 700), checkpoint: Watts(130))
        case .b200, .cpu: nil
        }
    }
}
