extension RejectionStep { public var curveInputsClamped: Bool { false } }  // TEMP until H1 lands
