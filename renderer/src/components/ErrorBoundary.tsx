/**
 * A screen that fails to render takes down only itself: the frame, its navigation and the lock stay, and the
 * clinician can try again or go elsewhere. Nothing is lost by it: saves happen in main as they are made, and the
 * failed screen's unsaved form state is gone either way once React has thrown. What went wrong is not shown or
 * kept (it could quote clinical data); the console in development has React's own report.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="panel" role="alert">
        <h1>This screen could not be shown</h1>
        <p>
          Something in Clearleaf went wrong while showing it. Everything already saved is safe. Try again, or
          choose another area on the left.
        </p>
        <button type="button" className="primary" onClick={() => this.setState({ failed: false })}>
          Try again
        </button>
      </div>
    );
  }
}
