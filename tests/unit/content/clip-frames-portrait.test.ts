import { renderedFrameTests } from './clip-frames';

renderedFrameTests('portrait');
