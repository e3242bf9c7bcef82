//! The built-in contrast sets of the technical register: in each, members that exclude
//! each other in the same role, written from how Docker and Linux behave (signals,
//! exit codes, C libraries, NAT directions, mount types, network drivers, ...), not
//! from any learner's answer. `grade::contrast` compares answers with them.

/// A set of members that exclude each other in one role, each a list of spellings.
pub struct Contrast {
    /// What the members are ("signal", "mount type").
    pub role: &'static str,
    pub members: &'static [&'static [&'static str]],
}

/// The built-in contrast sets of the technical register.
pub const CONTRASTS: &[Contrast] = &[
    Contrast {
        role: "signal",
        members: &[
            &["sigterm", "signal 15"],
            &["sigkill", "signal 9"],
            &["sigint"],
            &["sighup"],
            &["sigstop"],
        ],
    },
    Contrast {
        role: "exit code",
        members: &[&["137"], &["143"], &["139"], &["126"], &["127"]],
    },
    Contrast {
        role: "C library",
        members: &[&["musl"], &["glibc"]],
    },
    Contrast {
        role: "direction of NAT",
        members: &[
            &["dnat", "destination nat", "prerouting"],
            &["snat", "source nat", "postrouting", "masquerade"],
        ],
    },
    Contrast {
        role: "access",
        members: &[&["read only"], &["writable", "read write", "writeable"]],
    },
    Contrast {
        role: "mount type",
        members: &[
            &["tmpfs", "type=tmpfs", "--tmpfs"],
            &["volume", "type=volume"],
            &["bind mount", "bind mounted", "bind mounting", "type=bind"],
        ],
    },
    Contrast {
        role: "network driver",
        members: &[
            &["bridge", "--network=bridge"],
            &[
                "--network=host",
                "--net=host",
                "--network host",
                "host network",
                "host networking",
                "host mode",
                "host driver",
            ],
            &["--network=none", "--net=none"],
            &["overlay"],
            &["macvlan"],
        ],
    },
    Contrast {
        role: "Compose start condition",
        members: &[
            &["service_healthy"],
            &["service_started"],
            &["service_completed_successfully"],
        ],
    },
    Contrast {
        role: "Dockerfile form",
        members: &[&["exec form", "json form", "json array"], &["shell form"]],
    },
    Contrast {
        role: "effect of a limit",
        members: &[&["kill", "killed", "killer"], &["throttle", "throttled"]],
    },
    Contrast {
        role: "field of `docker volume inspect`",
        members: &[&["mountpoint"], &["source field"]],
    },
    Contrast {
        role: "cgroup hierarchy",
        members: &[
            &[
                "unified hierarchy",
                "single hierarchy",
                "one hierarchy",
                "unified tree",
            ],
            &[
                "per controller",
                "separate hierarchy",
                "separate hierarchies",
            ],
        ],
    },
    Contrast {
        role: "pin",
        members: &[&["digest", "sha256"], &["tag", ":latest", "latest tag"]],
    },
    Contrast {
        role: "scope of a limit",
        members: &[
            &["per process", "per-process"],
            &[
                "system wide",
                "system-wide",
                "host wide",
                "host-wide",
                "machine wide",
                "machine-wide",
            ],
        ],
    },
];

/// The instructions of a Dockerfile (lower case): a word an answer calls an instruction
/// that is none of them is no instruction.
pub const DOCKERFILE_INSTRUCTIONS: &[&str] = &[
    "add",
    "arg",
    "cmd",
    "copy",
    "entrypoint",
    "env",
    "expose",
    "from",
    "healthcheck",
    "label",
    "maintainer",
    "onbuild",
    "run",
    "shell",
    "stopsignal",
    "user",
    "volume",
    "workdir",
];
